import type { FeatureContext } from './feature';

// PLACEHOLDER: filled by the issue that owns this feature.
export function registerTalksView(_ctx: FeatureContext): void {}

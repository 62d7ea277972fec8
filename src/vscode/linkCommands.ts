import type { FeatureContext } from './feature';

// PLACEHOLDER: filled by the issue that owns this feature.
export function registerProjectLinking(_ctx: FeatureContext): void {}

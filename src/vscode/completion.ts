import type { FeatureContext } from './feature';

// PLACEHOLDER: filled by the issue that owns this feature.
export function registerCompletion(_ctx: FeatureContext): void {}

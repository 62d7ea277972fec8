import type { FeatureContext } from './feature';

// PLACEHOLDER: filled by the issue that owns this feature.
export function registerHover(_ctx: FeatureContext): void {}

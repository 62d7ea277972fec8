import type { FeatureContext } from './feature';

// PLACEHOLDER: filled by the issue that owns this feature.
export function registerFrontMatterCommands(_ctx: FeatureContext): void {}

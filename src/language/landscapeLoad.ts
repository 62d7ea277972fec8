/** The landscape index for a command that cannot do without it: the index, or why it cannot be loaded (logged). */
import type { LandscapeIndex } from '../core/landscape/landscapeIndex';
import { messageOf } from '../core/util/errors';
import type { LandscapeSource, Log } from './services';

export async function loadLandscape(services: LandscapeSource & { log: Log }): Promise<{ index: LandscapeIndex } | { error: string }> {
  try {
    return { index: await services.landscape() };
  } catch (err) {
    const error = messageOf(err);
    services.log.error(`The landscape index cannot be loaded: ${error}`);
    return { error };
  }
}

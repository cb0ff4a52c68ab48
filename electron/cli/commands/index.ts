/** Every `headroom` subcommand; each module adds itself to the program. */
import type { Command } from 'commander';
import { register as app } from './app';
import { register as serve } from './serve';
import { register as status } from './status';
import { register as watch } from './watch';

export const COMMANDS: readonly ((program: Command) => void)[] = [status, watch, app, serve];

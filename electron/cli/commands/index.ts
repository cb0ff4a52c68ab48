/** Every `headroom` subcommand; each module adds itself to the program. */
import type { Command } from 'commander';
import { register as app } from './app';
import { register as checkTokens } from './check-tokens';
import { register as checkpoint } from './checkpoint';
import { register as config } from './config';
import { register as exportSession } from './export';
import { register as importFile } from './import';
import { register as recommend } from './recommend';
import { register as setProject } from './set-project';
import { register as tag } from './tag';
import { register as untag } from './untag';
import { register as serve } from './serve';
import { register as status } from './status';
import { register as watch } from './watch';
import { register as hooks } from './hooks';
import { register as hook } from './hook';
import { register as requestTermination } from './request-termination';
import { register as mcp } from './mcp';
import { register as metrics } from './metrics';
import { register as orphans } from './orphans';

export const COMMANDS: readonly ((program: Command) => void)[] = [
  status,
  watch,
  app,
  serve,
  checkpoint,
  checkTokens,
  recommend,
  exportSession,
  importFile,
  tag,
  untag,
  setProject,
  config,
  hooks,
  hook,
  requestTermination,
  mcp,
  metrics,
  orphans,
];

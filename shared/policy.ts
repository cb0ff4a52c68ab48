/**
 * Results of the pure policies (thresholds, health, checkpoint decision) as the views see them.
 * The policies themselves live in `electron/engine/policies/`.
 */
export type Level = 'ok' | 'warning' | 'critical' | 'compact-soon';

/** Worst first: the tray shows the worst level across sessions. */
export const LEVEL_ORDER: readonly Level[] = ['compact-soon', 'critical', 'warning', 'ok'];

export type HealthStatus = 'healthy' | 'warning' | 'critical';

export interface HealthBreakdown {
  context: number;
  duration: number;
  idle: number;
  errors: number;
}

export interface Health {
  /** 0–100, higher is healthier. */
  score: number;
  status: HealthStatus;
  /** Each factor's own 0–100 score before weighting. */
  breakdown: HealthBreakdown;
}

export interface CheckpointDecision {
  checkpoint: boolean;
  /** Plain-words reasons, e.g. "context at 82% (trigger 75%)". */
  reasons: string[];
  /** Weighted sum of the factors; 1.0 triggers. */
  score: number;
}

export interface Recommendation {
  sessionId: string;
  kind: 'checkpoint-and-restart' | 'close-idle' | 'fast-burn' | 'checkpoint';
  message: string;
}

import { parentPort, workerData } from 'node:worker_threads';
import { runRankingJob, type RankingJob } from './top-k-kernel.js';

parentPort?.postMessage(runRankingJob(workerData as RankingJob));

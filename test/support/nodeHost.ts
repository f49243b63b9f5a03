/**
 * Loaded by mocha before any test (.mocharc.json): registers the Node side's units table
 * and segmenter dictionary with the core (node/host.ts), as every program does at start.
 */
import { useNodeHost } from '../../server/src/node';

useNodeHost();

import { describe, expect, it } from 'vitest';
import { mapPrinterState, splitReason } from './printer-state-map';

const idle = { printerState: 3, acceptingJobs: true };

describe('CUPS printer-state-reasons → uniform status', () => {
  it.each([
    [{ ...idle, reasons: ['none'] }, { state: 'online', paper: 'ok', coverOpen: false, error: null, failure: null }],
    [{ ...idle, printerState: 4, reasons: ['none'] }, { state: 'busy', paper: 'ok', coverOpen: false, error: null, failure: null }],
    [{ ...idle, reasons: ['media-empty-error'] }, { state: 'userError', paper: 'out', coverOpen: false, error: 'paper out', failure: 'paper-out' }],
    [{ ...idle, reasons: ['media-needed'] }, { state: 'userError', paper: 'out', coverOpen: false, error: 'paper out', failure: 'paper-out' }],
    [{ ...idle, reasons: ['media-low-warning'] }, { state: 'online', paper: 'near-end', coverOpen: false, error: null, failure: null }],
    [{ ...idle, reasons: ['media-low-report'] }, { state: 'online', paper: 'near-end', coverOpen: false, error: null, failure: null }],
    [{ ...idle, reasons: ['door-open-error'] }, { state: 'userError', paper: 'ok', coverOpen: true, error: 'cover open', failure: 'cover-open' }],
    [{ ...idle, reasons: ['cover-open'] }, { state: 'userError', paper: 'ok', coverOpen: true, error: 'cover open', failure: 'cover-open' }],
    [{ ...idle, reasons: ['interlock-open-warning'] }, { state: 'userError', paper: 'ok', coverOpen: true, error: 'cover open', failure: 'cover-open' }],
    [{ ...idle, reasons: ['offline-report'] }, { state: 'offline', paper: 'ok', coverOpen: false, error: 'offline', failure: 'offline' }],
    [{ ...idle, reasons: ['media-empty-report'] }, { state: 'online', paper: 'ok', coverOpen: false, error: null, failure: null }],
    [{ ...idle, reasons: ['offline-error'] }, { state: 'offline', paper: 'ok', coverOpen: false, error: 'offline', failure: 'offline' }],
    [{ ...idle, reasons: ['connecting-to-device'] }, { state: 'offline', paper: 'ok', coverOpen: false, error: 'connecting-to-device', failure: 'offline' }],
    [{ ...idle, printerState: 5, reasons: ['paused'] }, { state: 'offline', paper: 'ok', coverOpen: false, error: 'paused', failure: 'offline' }],
    [{ ...idle, printerState: 5, reasons: ['none'] }, { state: 'offline', paper: 'ok', coverOpen: false, error: 'stopped', failure: 'offline' }],
    [{ ...idle, acceptingJobs: false, reasons: ['none'] }, { state: 'offline', paper: 'ok', coverOpen: false, error: 'not accepting jobs', failure: 'offline' }],
    [{ ...idle, reasons: ['media-jam-error'] }, { state: 'hardwareError', paper: 'ok', coverOpen: false, error: 'media-jam', failure: 'hardware-error' }],
    [{ ...idle, reasons: ['toner-empty-error'] }, { state: 'hardwareError', paper: 'ok', coverOpen: false, error: 'toner-empty', failure: 'hardware-error' }],
    [{ ...idle, reasons: ['toner-low-warning', 'cups-insecure-filter-warning'] }, { state: 'online', paper: 'ok', coverOpen: false, error: null, failure: null }],
    [{ ...idle, reasons: ['other-error'] }, { state: 'hardwareError', paper: 'ok', coverOpen: false, error: 'other', failure: 'hardware-error' }],
  ])('%j', (input, expected) => {
    expect(mapPrinterState(input)).toEqual(expected);
  });

  it('names what to fix first: hardware, then paper/cover, then offline, keeping every class field', () => {
    expect(mapPrinterState({ printerState: 5, acceptingJobs: true, reasons: ['paused', 'media-empty-error', 'door-open'] })).toEqual({
      state: 'userError',
      paper: 'out',
      coverOpen: true,
      error: 'paper out',
      failure: 'paper-out',
    });
    expect(mapPrinterState({ printerState: 5, acceptingJobs: true, reasons: ['media-jam-error', 'media-empty-error'] }).state).toBe('hardwareError');
  });

  it('splits severities; no suffix means error (RFC 8011)', () => {
    expect(splitReason('media-empty-error')).toEqual({ keyword: 'media-empty', severity: 'error' });
    expect(splitReason('media-low-warning')).toEqual({ keyword: 'media-low', severity: 'warning' });
    expect(splitReason('paused')).toEqual({ keyword: 'paused', severity: 'error' });
  });
});

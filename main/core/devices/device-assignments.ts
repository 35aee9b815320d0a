import { z } from 'zod';
import { DeviceAssignmentSchema, type DeviceAssignment, type DeviceRole, type DiscoveredSerial } from '../../../common/contract/technician-schemas';
import type { KioskConfig } from '../config';

/** Config key in kiosk.db of the technician's device assignments (one per role). */
export const DEVICE_ASSIGNMENTS_CONFIG_KEY = 'devices.assignments';

/** Where the assignments live (the store's config table). */
export interface AssignmentStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const StoredSchema = z.array(DeviceAssignmentSchema).max(3);

/** The assignments kept in the store; an unreadable record counts as none (the configuration file then decides). */
export function readDeviceAssignments(storage: AssignmentStorage): DeviceAssignment[] {
  const parsed = StoredSchema.safeParse(storage.get(DEVICE_ASSIGNMENTS_CONFIG_KEY));
  return parsed.success ? parsed.data : [];
}

/** Keeps `port` as the device of `role` (replacing an earlier assignment of that role) and answers the new assignment. */
export function assignDevice(storage: AssignmentStorage, role: DeviceRole, port: DiscoveredSerial, by: string, now: Date = new Date()): DeviceAssignment {
  const assignment: DeviceAssignment = { role, port: port.path, vendorId: port.vendorId, productId: port.productId, serialNumber: port.serialNumber, by, at: now.toISOString() };
  storage.set(DEVICE_ASSIGNMENTS_CONFIG_KEY, [...readDeviceAssignments(storage).filter((a) => a.role !== role), assignment]);
  return assignment;
}

/**
 * The configuration with the stored assignments applied: each assigned role
 * becomes a real serial device at the assigned path, found again by its USB
 * ids (and serial number) when it re-enumerates. A receipt printer assigned
 * this way leaves TCP mode. The configuration file is not changed.
 */
export function withDeviceAssignments(config: KioskConfig, assignments: readonly DeviceAssignment[]): KioskConfig {
  if (assignments.length === 0) return config;
  const devices = { ...config.devices };
  for (const a of assignments) {
    const usb = a.vendorId && a.productId ? { vendorId: a.vendorId, productId: a.productId, ...(a.serialNumber ? { serialNumber: a.serialNumber } : {}) } : undefined;
    if (a.role === 'receiptPrinter') devices.receiptPrinter = { ...devices.receiptPrinter, mode: 'serial', port: a.port, usb };
    else if (a.role === 'idcard') devices.idcard = { ...devices.idcard, mode: 'serial', port: a.port, usb };
    else devices.scanner = { ...devices.scanner, mode: 'serial', port: a.port, usb };
  }
  return { ...config, devices };
}

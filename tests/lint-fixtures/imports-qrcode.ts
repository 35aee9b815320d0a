import QRCode from 'qrcode';
import { create } from 'qrcode/lib/core/qrcode';
import svgTag from 'qrcode/lib/renderer/svg-tag';

export const parts = [QRCode, create, svgTag];

export const electron: unknown = require('electron');

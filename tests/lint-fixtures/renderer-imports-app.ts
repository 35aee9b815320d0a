import { App } from '../app/app';

export const app = App;

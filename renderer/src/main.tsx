import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { getKioskApi } from './transport/get-kiosk-api';
import './styles/kiosk.css';

/** Entry point: the KioskApi from whichever transport is present, then the app. */
function mount(): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App api={getKioskApi()} />
    </StrictMode>,
  );
}

mount();

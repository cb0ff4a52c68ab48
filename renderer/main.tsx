/** Start-up: pick the bridge (desktop preload or `headroom serve` socket) and render the views. */
import { render } from 'preact';
import { App } from './app/App';
import { pickBridge } from './bridges/pick';
import './styles/theme.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/detail.css';
import './styles/settings.css';

const root = document.getElementById('app');
if (root) render(<App bridge={pickBridge()} />, root);

// First: it notes when the script started.
import './lib/shared/startup-marks';
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = mount(App, { target });
performance.mark('app_mounted');
export default app;

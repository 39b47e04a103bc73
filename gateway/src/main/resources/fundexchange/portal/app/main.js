// The portal's entry module: the shell, then every page (each registers itself with the router).
import './shell.js';
import './pages/index.js';

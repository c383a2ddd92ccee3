// ?freeze: freeze Object.prototype before the app loads, as the desktop window does.
if (new URLSearchParams(location.search).has('freeze')) Object.freeze(Object.prototype);

// Svelte compiler options (defaults are right for this app; the file keeps tools from guessing).
export default {};

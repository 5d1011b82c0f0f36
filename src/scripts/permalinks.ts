// Placeholder: the sharing work turns permalink controls into copy-link buttons.
export {};

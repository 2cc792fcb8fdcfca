declare module 'virtual:story.css';
declare module '*.css';

import { render } from 'preact';
import 'virtual:story.css';
import './styles.css';
import { App } from './app.js';
import { interceptLinks } from './router.js';

interceptLinks(document);
render(<App />, document.getElementById('app')!);

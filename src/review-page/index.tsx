import { createRoot } from 'react-dom/client';
import { readFileBytes, saveFileInBrowser } from '../hosts/browser/save-file';
import { ReviewApp } from './ReviewApp';

// A reviewer's pile in the browser: files are read and checked in this page; nothing is uploaded.
createRoot(document.getElementById('root')!).render(
  <ReviewApp readFile={readFileBytes} save={saveFileInBrowser} now={() => new Date()} currentYear={new Date().getFullYear()} />,
);

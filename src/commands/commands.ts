import { startRibbonCommands } from '../hosts/word/ribbon';

// The ribbon's function commands (commands.html). The Office calls live in the Word host.
startRibbonCommands();

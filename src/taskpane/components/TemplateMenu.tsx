import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { TEMPLATE_CHOICES } from '../labels';
import type { TemplateChoice } from '../../hosts/report-host';

export interface TemplateMenuProps {
  /** In the browser there is no cursor to insert at: the template is downloaded instead. */
  standalone: boolean;
  disabled: boolean;
  onChoose: (choice: TemplateChoice) => void;
  appearance?: 'primary' | 'secondary';
}

/** "插入模板" (Word) or "下载空白模板" (browser): the whole skeleton, the three tables, or one table. */
export function TemplateMenu({ standalone, disabled, onChoose, appearance = 'secondary' }: TemplateMenuProps) {
  const label = standalone ? '下载空白模板' : '插入模板';
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance={appearance} disabled={disabled} icon={standalone ? <ArrowDownloadRegular /> : <DocumentAddRegular />} aria-haspopup="menu">
          {label}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={label}>
          {TEMPLATE_CHOICES.map(({ choice, label: text }) => (
            <MenuItem key={choice} onClick={() => onChoose(choice)} data-testid={`template-${choice}`}>
              {text}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { DocumentTableRegular, PrintRegular, TableArrowUpRegular } from '@fluentui/react-icons';

export interface ExportMenuProps {
  disabled: boolean;
  onExcel: () => void;
  onPrint: () => void;
}

/** 导出检查记录: every finding with its place, message and state, as .xlsx or printed. */
export function ExportMenu({ disabled, onExcel, onPrint }: ExportMenuProps) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button disabledFocusable={disabled} icon={<TableArrowUpRegular />} aria-haspopup="menu">导出检查记录</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label="导出检查记录">
          <MenuItem icon={<DocumentTableRegular />} onClick={onExcel} data-testid="export-xlsx">Excel 表格（.xlsx）</MenuItem>
          <MenuItem icon={<PrintRegular />} onClick={onPrint} data-testid="export-print">打印（或另存为 PDF）</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

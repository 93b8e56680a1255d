import AntdIconLight, { type IconComponentProps } from '@ant-design/icons/es/components/AntdIconLight';
import { forwardRef } from 'react';

/**
 * Every antd icon, ours and those antd draws inside its own components (a select's arrow, a pager's
 * arrows, a clear button), goes through here (vite.config.mts points the icons' `../components/AntdIconLight`
 * at this file). An icon is named after its picture in English ("down", "close-circle"), which a screen
 * reader would read out in the middle of Vietnamese; here an icon is decorative (hidden from assistive
 * technology) unless it is given its own `aria-label`. Buttons are named by their words or their own
 * Vietnamese `aria-label` (the accessibility browser test finds any that is not).
 */
const DecorativeIcon = forwardRef<HTMLSpanElement, Omit<IconComponentProps, 'ref'>>((props, ref) => (
  <AntdIconLight aria-hidden={props['aria-label'] === undefined ? true : undefined} {...props} ref={ref} />
));
DecorativeIcon.displayName = 'DecorativeIcon';

export default DecorativeIcon;

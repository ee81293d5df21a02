// Main's notification events as native desktop notifications; a click brings the window forward.
import { Notification } from 'electron';
import type { AppNotification } from '../shared/connection-view';

export function showDesktopNotification(notification: AppNotification, onClick: () => void): boolean {
  if (!Notification.isSupported()) return false;
  const native = new Notification({
    title: notification.title,
    body: notification.body,
    urgency: notification.level === 'info' ? 'normal' : 'critical',
  });
  native.on('click', onClick);
  native.show();
  return true;
}

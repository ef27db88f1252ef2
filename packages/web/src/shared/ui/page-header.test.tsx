import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { PageHeader } from './page-header';
import { roleScope } from '../labels';
import { PERMISSIONS } from '../../../../server/src/common/viewer';

describe('page titles', () => {
  it('names the page in the browser tab, and gives the old title back on leaving', () => {
    document.title = 'Support credits';
    const { unmount } = render(<PageHeader title="Tickets" />);
    expect(document.title).toBe('Tickets · Support credits');
    unmount();
    expect(document.title).toBe('Support credits');
  });

  it('takes documentTitle where the heading is not plain text', () => {
    render(
      <PageHeader title={<span>Checkout hangs</span>} documentTitle="Checkout hangs · Ticket" />,
    );
    expect(document.title).toBe('Checkout hangs · Ticket · Support credits');
  });
});

describe('role texts', () => {
  it('claims "everything" only for a role the server lets do everything', () => {
    const all = new Set(Object.values(PERMISSIONS).flat());
    for (const [role, perms] of Object.entries(PERMISSIONS)) {
      if (perms.length < all.size)
        expect(roleScope(role as never), role).not.toMatch(/\b(read|do) everything\b(?! except)/);
    }
    // An analyst cannot open Operations (READ_SCHEDULES is staff), and is told so.
    expect(PERMISSIONS.ANALYST).not.toContain('READ_SCHEDULES');
    expect(roleScope('ANALYST')).toMatch(/Operations.*staff/);
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, NavLink, Route, Routes } from 'react-router';
import { MainMenu } from './main-menu';

// The behaviour of the narrow-window menu; that the button shows only below
// 720 px is CSS, checked in a real browser by e2e/widths.e2e.ts.
function App() {
  return (
    <MemoryRouter initialEntries={['/accounts']}>
      <MainMenu brand={<span>Support credits</span>}>
        <nav aria-label="Main">
          <NavLink to="/accounts">Accounts</NavLink>
          <NavLink to="/charges">Charges</NavLink>
        </nav>
      </MainMenu>
      <main>
        <button type="button">Elsewhere</button>
        <Routes>
          <Route path="/accounts" element={<h1>Accounts</h1>} />
          <Route path="/charges" element={<h1>Charges</h1>} />
        </Routes>
      </main>
    </MemoryRouter>
  );
}

describe('MainMenu', () => {
  it('says whether it is expanded and moves focus to the first link when opened', async () => {
    const user = userEvent.setup();
    render(<App />);
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    expect(panel).not.toHaveClass('menu-panel-open');

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveClass('menu-panel-open');
    expect(screen.getByRole('link', { name: 'Accounts' })).toHaveFocus();
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const user = userEvent.setup();
    render(<App />);
    const button = screen.getByRole('button', { name: 'Menu' });
    await user.click(button);
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('closes when a link is followed', async () => {
    const user = userEvent.setup();
    render(<App />);
    const button = screen.getByRole('button', { name: 'Menu' });
    await user.click(button);
    await user.click(screen.getByRole('link', { name: 'Charges' }));
    expect(screen.getByRole('heading', { name: 'Charges' })).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes when focus leaves it', async () => {
    const user = userEvent.setup();
    render(<App />);
    const button = screen.getByRole('button', { name: 'Menu' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });
});

import type { Page } from 'playwright-core';

/** The GraphiQL explorer page. */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  /** Opens the explorer the way a browser opening the API endpoint does. */
  async openFromEndpoint(query: string) {
    await this.page.goto(`/graphql?query=${encodeURIComponent(query)}`);
    await this.page.waitForURL(/\/explorer\?query=/);
    await this.runButton.waitFor();
  }

  /**
   * Opens the documentation pane and goes to the type `name` through its
   * search box (a Headless UI combobox); returns the pane's title.
   */
  async openDocs(name: string) {
    await this.page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const pane = this.page.getByRole('region', { name: 'Documentation Explorer' });
    const search = pane.getByRole('combobox');
    await search.click();
    await search.fill(name);
    await pane.getByRole('option', { name, exact: true }).click();
    const title = pane.locator('.graphiql-doc-explorer-title', { hasText: name });
    await title.waitFor();
    return (await title.innerText()).trim();
  }

  get runButton() {
    return this.page.getByRole('button', { name: /^Execute query/ });
  }

  /**
   * Runs the active tab and returns the response editor's text once it
   * matches `expect` (Monaco separates tokens with no-break spaces: use \s).
   * A click that lands while the editor is still starting is ignored, so it
   * clicks again until an answer shows.
   */
  async run(expect: RegExp): Promise<string> {
    const response = this.page.locator('.graphiql-response');
    const answer = response.getByText(expect).first();
    for (let attempt = 1; ; attempt++) {
      await this.runButton.click();
      try {
        await answer.waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    return (await response.innerText()).replace(/\u00a0/g, ' ');
  }
}

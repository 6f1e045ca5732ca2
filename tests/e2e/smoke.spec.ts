import { expect, test } from '@playwright/test';

test('the app loads and shows its heading', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Raftlab');
  await expect(page.getByRole('heading', { level: 1, name: 'Raftlab' })).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke.png', fullPage: true });
});

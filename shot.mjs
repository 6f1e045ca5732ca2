import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const sizes = [[1024,768,1],[1440,900,1],[1920,1080,1],[720,450,2]];
for (const lang of ['en','zh-CN']) {
  for (const [w,h,dsf] of sizes) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: dsf });
    await page.goto(`http://127.0.0.1:4173/?lang=${lang}`);
    await page.waitForTimeout(1000);
    const add = page.getByRole('button', { name: lang === 'en' ? 'Add node' : '添加节点', exact: true });
    const six = page.locator('[data-node-id="6"]');
    for (let i = 0; i < 30 && (await six.count()) === 0; i += 1) {
      await page.keyboard.press('Space'); await page.waitForTimeout(700); await page.keyboard.press('Space');
      await add.click();
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Space'); await page.waitForTimeout(250); await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `/tmp/shot-${lang}-${w}.png` });
    await page.locator('.membership-panel').screenshot({ path: `/tmp/shot-${lang}-${w}-panel.png` }).catch(() => {});
    await page.locator('.raft-cluster').screenshot({ path: `/tmp/shot-${lang}-${w}-ring.png` }).catch(() => {});
    await page.keyboard.press('6');
    await page.waitForTimeout(300);
    await page.getByRole('region', { name: lang === 'en' ? 'Inspector' : '检查器' }).screenshot({ path: `/tmp/shot-${lang}-${w}-insp.png` }).catch(() => {});
    await page.close();
  }
}
await browser.close();

import { expect, test, type Page } from '@playwright/test';

/**
 * Installable: each start page links a web app manifest whose start page, scope and
 * icons resolve and load; installed from reception's page, the app opens in
 * reception mode.
 */

async function manifestOf(page: Page) {
  const href = await page.locator('link[rel="manifest"]').evaluate((link) => (link as HTMLLinkElement).href);
  const response = await page.request.get(href);
  expect(response.ok(), href).toBe(true);
  return { url: href, manifest: (await response.json()) as Record<string, unknown> & { icons: { src: string; sizes: string }[] } };
}

for (const [path, name, start] of [
  ['./', 'Hip pain check', ''],
  ['./reception/', 'Hip pain check for reception', 'reception/'],
] as const) {
  test(`${path} links a manifest that names "${name}" and opens at its own start page`, async ({ page, baseURL }) => {
    await page.goto(path);
    const { url, manifest } = await manifestOf(page);
    expect(manifest.name).toBe(name);
    expect(manifest.display).toBe('standalone');
    expect(new URL(String(manifest.start_url), url).href).toBe(new URL(start, baseURL).href);
    expect(new URL(String(manifest.scope), url).href).toBe(baseURL);
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((icon) => icon.sizes === size)).toBe(true);
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, url).href);
      expect(image.headers()['content-type'], icon.src).toContain('image/png');
      const [width, height] = icon.sizes.split('x').map(Number);
      // A PNG's size is in its header: bytes 16–23.
      const body = await image.body();
      expect([body.readUInt32BE(16), body.readUInt32BE(20)], icon.src).toEqual([width, height]);
    }
  });
}

test('installed from reception’s page, the app starts in reception mode', async ({ page }) => {
  await page.goto('./reception/');
  await expect(page.locator('.app--reception')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hip pain call');
});

/**
 * npm run icons: draws the install icons (public/icons/*.png) from favicon.svg in
 * Chromium, so there is one drawing. Run it when the favicon changes; the PNGs are
 * committed because a browser installing the app needs bitmaps.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../bench/chromium-launch.ts';

const svg = readFileSync('public/favicon.svg', 'utf8');
// "maskable": the platform crops to a circle or squircle, so the mark sits in the middle 60 % on a full-bleed background.
const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  for (const { file, size, maskable } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const mark = maskable ? Math.round(size * 0.6) : size;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${maskable ? '#005eb8' : 'transparent'}">` +
        `<div style="width:${mark}px;height:${mark}px">${svg.replace('<svg ', `<svg width="${mark}" height="${mark}" `)}</div></body>`,
    );
    await page.screenshot({ path: `public/icons/${file}`, omitBackground: !maskable });
    await page.close();
  }
} finally {
  await browser.close();
}

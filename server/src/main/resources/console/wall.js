import { el, fill } from './dom.js';
import { LiveTile } from './live.js';

// A video wall: up to 16 cameras live at once, in a grid. The cameras are named in the address
// (#/wall/cam-1,cam-2), so a wall can be bookmarked or put on a control room's screen; users who
// may read the registry can fill it with a site's first cameras. Sub streams are asked for, as
// tiles are small and the wall must not cost the cameras' uplinks their main streams.

const MOST = 16;

export async function render(ctx, view, [named]) {
  const ids = (named || '').split(',').map(s => s.trim()).filter(Boolean).slice(0, MOST);
  const input = el('input#wall-cameras', { type: 'text', value: ids.join(','), size: 60,
    'aria-label': 'Cameras (ids separated by commas, up to ' + MOST + ')' });
  const show = el('button', { type: 'submit' }, 'Show');
  const form = el('form.wall-form', el('label', { for: 'wall-cameras' }, 'Cameras '), input, show);
  form.addEventListener('submit', event => {
    event.preventDefault();
    ctx.navigate('#/wall/' + input.value.split(',').map(s => s.trim()).filter(Boolean).slice(0, MOST).join(','));
  });
  const parts = [el('h1', 'Live'), form];
  if (ctx.session.can('REGISTRY_READ')) {
    const site = el('input#wall-site', { type: 'text', size: 16, 'aria-label': 'Site id' });
    const fillButton = el('button', { type: 'button' }, 'Fill from site');
    fillButton.addEventListener('click', async () => {
      const page = await ctx.api.get('/api/v1/cameras?site=' + encodeURIComponent(site.value.trim())
        + '&limit=' + MOST).catch(e => ({ error: e }));
      if (page.error) {
        fill(status, page.error.message);
        return;
      }
      ctx.navigate('#/wall/' + page.items.map(c => c.id).join(','));
    });
    parts.push(el('p.wall-fill', el('label', { for: 'wall-site' }, 'or a site\u2019s first cameras: '), site, fillButton));
  }
  const status = el('p.muted', { role: 'status' }, ids.length ? '' : 'Name up to ' + MOST + ' cameras to watch.');
  const grid = el('div.live-wall', { dataset: { tiles: String(ids.length) } });
  const tiles = ids.map(id => new LiveTile(ctx, id, { sub: ids.length > 4 }));
  tiles.forEach(tile => grid.append(tile.element));
  fill(view, el('section', ...parts, status, grid));
  return () => tiles.forEach(tile => tile.close());
}

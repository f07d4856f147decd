import { describe, expect, it } from 'vitest';
import { embedSnippet } from './shareLink';

describe('embedSnippet', () => {
  it('embeds the fragment from the page it came from, with the title and height escaped', () => {
    const code = embedSnippet('https://x.example/crviz/', 'crviz=1&s=j', 'A "quoted" <title>', 300);
    expect(code).toContain('src="https://x.example/crviz/?embed=1&amp;height=300#crviz=1&amp;s=j"');
    expect(code).toContain('title="crviz: A &quot;quoted&quot; &lt;title&gt;"');
    expect(code).toContain('height="300"');
    expect(code).toMatch(/^<iframe [^<]*><\/iframe>$/);
  });
});

import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.network.bind-all-interfaces';

describe(ID, () => {
  it('reports sockets and servers bound to every interface', () => {
    expect(scan('sock.bind(("0.0.0.0", 80))\n', ID)).toHaveLength(1);
    expect(scan('sock.bind(("", 80))\n', ID)).toHaveLength(1);
    expect(scan('import uvicorn\nHOST = "0.0.0.0"\nuvicorn.run(app, host=HOST)\n', ID)).toHaveLength(1);
  });

  it('does not report loopback or configured hosts', () => {
    expect(scan('import uvicorn\nsock.bind(("127.0.0.1", 80))\nuvicorn.run(app, host=settings.HOST)\n', ID)).toEqual([]);
  });
});

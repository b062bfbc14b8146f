import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.archive.tarfile-extractall';

describe(ID, () => {
  it('reports extractall on an object from tarfile.open, assigned or opened with with', () => {
    expect(scan('import tarfile\nt = tarfile.open(path)\nt.extractall(dest)\n', ID)).toHaveLength(1);
    expect(scan('import tarfile\nwith tarfile.open(path, "r:*") as t:\n    t.extractall(dest)\n', ID)).toHaveLength(1);
    expect(scan('import tarfile\ntarfile.open(path).extractall(dest)\n', ID)).toHaveLength(1);
    expect(scan('from tarfile import TarFile\nwith TarFile(path) as t:\n    t.extract(member, dest)\n', ID)).toHaveLength(1);
    expect(scan('import tarfile as tf\narchive = tf.TarFile.gzopen(path)\narchive.extractall()\n', ID)).toHaveLength(1);
  });

  it('reports filter="fully_trusted" and filter=None', () => {
    const [trusted] = scan('import tarfile\nwith tarfile.open(p) as t:\n    t.extractall(d, filter="fully_trusted")\n', ID);
    expect(trusted?.message).toContain('fully_trusted');
    expect(scan('import tarfile\nwith tarfile.open(p) as t:\n    t.extractall(d, filter=tarfile.fully_trusted_filter)\n', ID)).toHaveLength(1);
    expect(scan('import tarfile\nwith tarfile.open(p) as t:\n    t.extractall(d, filter=None)\n', ID)).toHaveLength(1);
  });

  it('does not report a safety filter or a filter function', () => {
    expect(scan(py`
      import tarfile
      def only_csv(member, path):
          return tarfile.data_filter(member, path) if member.name.endswith(".csv") else None
      with tarfile.open(p) as t:
          t.extractall(d, filter="data")
          t.extract("manifest.json", d, filter="tar")
          t.extractall(d, filter=tarfile.data_filter)
          t.extractall(d, filter=only_csv)
    `, ID)).toEqual([]);
  });

  it('lowers confidence when members= may vet the paths, but not for getmembers()', () => {
    expect(scan('import tarfile\nwith tarfile.open(p) as t:\n    t.extractall(d, members=safe_members(t))\n', ID)[0]?.confidence).toBe('low');
    expect(scan('import tarfile\nwith tarfile.open(p) as t:\n    t.extractall(d, t.getmembers())\n', ID)[0]?.confidence).toBe('high');
  });

  it('does not report zip archives or extract methods of unrelated objects', () => {
    expect(scan(py`
      import zipfile
      with zipfile.ZipFile(p) as z:
          z.extractall(d)
      archive.extractall(d)
    `, ID)).toEqual([]);
  });

  it('reports shutil.unpack_archive without filter= unless the archive is a zip', () => {
    expect(scan('import shutil\nshutil.unpack_archive(download, staging)\n', ID)[0]?.confidence).toBe('medium');
    expect(scan('import shutil\nshutil.unpack_archive(download, staging, "zip")\n', ID)).toEqual([]);
    expect(scan('import shutil\nshutil.unpack_archive("bundle.zip", staging)\n', ID)).toEqual([]);
    expect(scan('import shutil\nshutil.unpack_archive(download, staging, filter="data")\n', ID)).toEqual([]);
  });

  it('reports at low confidence when **kwargs may carry the filter', () => {
    expect(scan('import tarfile\nwith tarfile.open(p) as t:\n    t.extractall(d, **opts)\n', ID)[0]?.confidence).toBe('low');
  });

  it('gives up on a name bound to different kinds of objects', () => {
    expect(scan(py`
      import tarfile, zipfile
      if q.endswith(".zip"):
          b = zipfile.ZipFile(q)
      else:
          b = tarfile.open(q)
      b.extractall(d)
    `, ID)).toEqual([]);
  });
});

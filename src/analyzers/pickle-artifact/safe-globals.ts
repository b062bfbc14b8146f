/**
 * Which imports a pickle may make without being reported.
 *
 * This is an allow-list, not a deny-list, on purpose: a pickle can reach code execution through
 * thousands of callables (os.system, but also subprocess.getoutput, pty.spawn, runpy._run_code,
 * numpy.testing's runstring, operator.methodcaller chains, any package's helper that shells out),
 * and every published deny-list — including those of scanners like picklescan — has been bypassed
 * by one nobody listed. The globals that honest data and model pickles need are few and known:
 * containers, numbers and dates, and the reconstruction helpers of numpy, pandas, scikit-learn
 * and PyTorch. Anything else is reported; a false alarm costs a look, a miss costs the worker.
 */

/** Exact `module.name` imports that only rebuild data. */
const EXACT = new Set([
  // Containers and scalars (protocols 0–2 spell builtins as __builtin__).
  ...['builtins', '__builtin__'].flatMap((m) =>
    ['set', 'frozenset', 'list', 'dict', 'tuple', 'bytearray', 'bytes', 'complex', 'slice', 'range', 'object', 'int', 'float', 'str', 'bool'].map(
      (n) => `${m}.${n}`,
    ),
  ),
  // Protocol 2 pickles bytes as _codecs.encode(text, 'latin1').
  '_codecs.encode',
  // object.__reduce_ex__ for classes without their own reduce: cls.__new__ plus state.
  'copyreg._reconstructor',
  'copy_reg._reconstructor',
  'copyreg.__newobj__',
  'copyreg.__newobj_ex__',
  'collections.OrderedDict',
  'collections.defaultdict',
  'collections.deque',
  'collections.Counter',
  'datetime.datetime',
  'datetime.date',
  'datetime.time',
  'datetime.timedelta',
  'datetime.timezone',
  'decimal.Decimal',
  'fractions.Fraction',
  'uuid.UUID',
  'pathlib.PosixPath',
  'pathlib.WindowsPath',
  'pathlib.PurePosixPath',
  'pathlib.PureWindowsPath',
  // numpy arrays, scalars, dtypes and random states (numpy 1.x under numpy.core, 2.x under numpy._core).
  ...['numpy.core', 'numpy._core'].flatMap((core) => [
    `${core}.multiarray._reconstruct`,
    `${core}.multiarray.scalar`,
    `${core}.numeric._frombuffer`,
  ]),
  'numpy.ndarray',
  'numpy.dtype',
  'numpy.ma.core._mareconstruct',
  'numpy.random._pickle.__randomstate_ctor',
  'numpy.random._pickle.__generator_ctor',
  'numpy.random._pickle.__bit_generator_ctor',
  // pandas frames, series, indexes and their block managers.
  'pandas.core.indexes.base._new_Index',
  'pandas.core.indexes.datetimes._new_DatetimeIndex',
  'pandas.core.indexes.period._new_PeriodIndex',
  'pandas.core.internals.blocks.new_block',
  'pandas.core.internals.blocks._unpickle_block',
  'pandas._libs.internals._unpickle_block',
  'pandas._libs.tslibs.timestamps._unpickle_timestamp',
  'pandas._libs.tslibs.timedeltas._timedelta_unpickle',
  'pandas._libs.tslibs.nattype.__nat_unpickle',
  'pandas._libs.arrays.__pyx_unpickle_NDArrayBacked',
  'pandas.core.arrays.categorical._unpickle_categorical',
  // PyTorch tensors and parameters (what torch.load(weights_only=True) itself accepts).
  'torch._utils._rebuild_tensor',
  'torch._utils._rebuild_tensor_v2',
  'torch._utils._rebuild_parameter',
  'torch._utils._rebuild_parameter_with_state',
  'torch.Size',
  'torch.device',
  'torch.storage.UntypedStorage',
  'torch.storage.TypedStorage',
  // joblib's placeholder for arrays stored beside the pickle.
  'joblib.numpy_pickle.NumpyArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
]);

/**
 * Classes allowed by package and name shape: calling a class of these packages with pickled
 * arguments only builds an estimator, frame, sparse matrix or dtype object. Their functions are
 * not allowed this way — a function from the same package can open files or run callbacks.
 */
/** `prefix` matches a package and its submodules; `module` one module exactly. */
type ClassRule = ({ prefix: string } | { module: string }) & { name: RegExp };

const CLASS_RULES: ClassRule[] = [
  // CapWords classes, as these packages' style guides require.
  { prefix: 'numpy.', name: /^[A-Z]\w*$/ },
  { prefix: 'pandas.core.', name: /^[A-Z]\w*$/ },
  { prefix: 'sklearn.', name: /^[A-Z]\w*$/ },
  { prefix: 'torch.nn.', name: /^[A-Z]\w*$/ },
  // numpy's scalar types (np.float64 passed as an estimator's dtype= is pickled by reference).
  {
    module: 'numpy',
    name: /^((u?int|float|complex)\d*|bool_?|object_|str_|bytes_|void|datetime64|timedelta64|half|single|double|longdouble|intc|uintc|intp|uintp)$/,
  },
  // scipy.sparse matrices and arrays keep NumPy-style lowercase class names.
  { prefix: 'scipy.sparse.', name: /^(csr|csc|coo|bsr|dia|dok|lil)_(matrix|array)$/ },
  // torch.FloatStorage and friends, and dtypes such as torch.float32.
  { module: 'torch', name: /^(\w+Storage|float\d*|bfloat16|half|double|u?int\d*|long|short|complex\d*|bool)$/ },
];

/** Imports that on their own give a pickle command execution or arbitrary code. */
const CRITICAL_MODULES = new Set([
  'os',
  'posix',
  'nt',
  'subprocess',
  'pty',
  'commands',
  'popen2',
  'runpy',
  'code',
  'codeop',
  'importlib',
  'ctypes',
  'socket',
  'shutil',
  'sys',
  'pickle',
  '_pickle',
  'cPickle',
  'marshal',
  'dill',
  'types',
  'multiprocessing',
  'webbrowser',
  'timeit',
  'pdb',
]);
const CRITICAL_BUILTINS = new Set([
  'eval',
  'exec',
  'execfile',
  'compile',
  '__import__',
  'open',
  'getattr',
  'setattr',
  'delattr',
  'globals',
  'locals',
  'vars',
  'input',
  'breakpoint',
  'apply',
]);

export type GlobalVerdict = 'allowed' | 'critical' | 'unknown';

/** How an import in a pickle is judged: allowed data reconstruction, known code execution, or neither. */
export function judgeGlobal(module: string, name: string): GlobalVerdict {
  const root = module.split('.')[0]!;
  if (CRITICAL_MODULES.has(root)) return 'critical';
  if ((root === 'builtins' || root === '__builtin__') && CRITICAL_BUILTINS.has(name)) return 'critical';
  if (EXACT.has(`${module}.${name}`)) return 'allowed';
  const qualified = `${module}.`;
  const matches = (rule: ClassRule) => ('module' in rule ? module === rule.module : qualified.startsWith(rule.prefix)) && rule.name.test(name);
  return CLASS_RULES.some(matches) ? 'allowed' : 'unknown';
}

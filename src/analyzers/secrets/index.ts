import path from 'node:path';
import type { FileAnalyzer, FileEntry } from '../../core/analyzer.js';
import { secretFindings } from './findings.js';
import { secretRules } from './rules/index.js';

/**
 * Formats that are binary by design, not worth reading. Every other file — code, config, .env,
 * notebooks with their outputs, IaC — is read; one of unknown kind that turns out binary is then
 * passed over (see analyzeFile).
 */
const BINARY_EXTENSIONS = new Set(
  (
    '.parquet .avro .orc .feather .arrow .xlsx .xls .pkl .pickle .joblib .npy .npz .h5 .hdf5 .pt .pth .onnx .pb .tflite ' +
    '.safetensors .ckpt .bin .db .sqlite .sqlite3 .duckdb .png .jpg .jpeg .gif .bmp .ico .webp .tiff .pdf .zip .gz .tgz ' +
    '.bz2 .xz .zst .7z .tar .jar .war .whl .egg .so .dylib .dll .exe .o .a .class .pyc .pyo .woff .woff2 .ttf .otf .eot ' +
    '.mp3 .mp4 .wav .avi .mov .mkv'
  ).split(' '),
);

export const secretsAnalyzer: FileAnalyzer = {
  name: 'secrets',
  category: 'secrets',
  rules: secretRules,
  required: (file: FileEntry) => !BINARY_EXTENSIONS.has(path.posix.extname(file.path).toLowerCase()),
  analyze: (file) => secretFindings(file.path, file.text),
};

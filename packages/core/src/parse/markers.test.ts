import { describe, expect, it } from 'vitest';
import { evaluateMarker, spaceMarkerEnvironment } from './markers.js';

const env = spaceMarkerEnvironment('3.10');

describe('PEP 508 markers', () => {
  it('compares python_version as a version, not as text', () => {
    expect(evaluateMarker('python_version < "3.9"', env)).toBe(false);
    expect(evaluateMarker("python_version >= '3.10'", env)).toBe(true);
    expect(evaluateMarker('python_version < "3.11"', spaceMarkerEnvironment('3.12'))).toBe(false);
    expect(evaluateMarker('"3.8" < python_version', env)).toBe(true);
  });

  it('knows the Linux builder', () => {
    expect(evaluateMarker('sys_platform == "win32"', env)).toBe(false);
    expect(evaluateMarker('sys_platform == "linux" and platform_machine == "x86_64"', env)).toBe(true);
    expect(evaluateMarker('platform_system == "Darwin" or os_name == "posix"', env)).toBe(true);
    expect(evaluateMarker('(sys_platform == "darwin" or sys_platform == "win32") and python_version >= "3.8"', env)).toBe(false);
    expect(evaluateMarker('sys.platform != "emscripten"', env)).toBe(true);
    expect(evaluateMarker('"linux" in sys_platform', env)).toBe(true);
    expect(evaluateMarker('"win" not in sys_platform', env)).toBe(true);
  });

  it('is undefined for unknown variables unless the other side decides', () => {
    expect(evaluateMarker('extra == "gpu"', env)).toBeUndefined();
    expect(evaluateMarker('extra == "gpu" and sys_platform == "win32"', env)).toBe(false);
    expect(evaluateMarker('extra == "gpu" or sys_platform == "linux"', env)).toBe(true);
    expect(evaluateMarker('python_version <', env)).toBeUndefined();
    expect(evaluateMarker('((', env)).toBeUndefined();
  });

  it('uses the default Python 3.10 when the README has no usable version', () => {
    expect(spaceMarkerEnvironment(undefined).python_version).toBe('3.10');
    expect(spaceMarkerEnvironment('3.12.12')).toMatchObject({ python_version: '3.12', python_full_version: '3.12.12' });
  });
});

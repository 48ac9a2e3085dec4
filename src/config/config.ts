/**
 * @module The configuration: settings read once from the environment (and command-line
 * overrides), validated, normalized and frozen. A bad value is a ConfigError naming the setting.
 */
import path from 'node:path'
import { settings, type SettingName } from './settings.ts'

type Parsed<K extends SettingName> = ReturnType<(typeof settings)[K]['parse']>

export type Config = Readonly<{
  [K in SettingName]: (typeof settings)[K]['default'] extends string ? Parsed<K> : Parsed<K> | undefined
}>

export type ConfigOverrides = Partial<Record<SettingName, string | undefined>>

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const out: Record<string, unknown> = {}
  for (const [name, setting] of Object.entries(settings) as [SettingName, (typeof settings)[SettingName]][]) {
    const override = overrides[name]
    const fromEnv = env[setting.env]
    const raw = override ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : setting.default)
    out[name] = raw === undefined ? undefined : (setting.parse as (r: string) => unknown)(raw)
  }
  out.dataDir = path.resolve(out.dataDir as string)
  return Object.freeze(out) as Config
}

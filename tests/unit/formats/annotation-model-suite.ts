/**
 * Runs the W3C Web Annotation test suite's assertions (tests/fixtures/annotation-model, the JSON Schema
 * half of web-platform-tests/annotation-model) on a JSON document with the semantics of the suite's
 * own harness (WPT annotation-model/scripts/JSONtest.js): a `.test` file lists assertion schemas; an
 * assertion passes when the document's validity is its `expectedResult` ("valid" by default) and fails
 * otherwise, whatever its `onUnexpectedResult`; that field only says what happens next — continue,
 * skip the remaining assertions, or abort. A test passes when no assertion fails. A `.test` file may
 * also declare `skipFailures` (annotationOptionals.test: "should", "may"): failing such an assertion
 * means a feature is not implemented, so those failures are reported as excused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';

export const SUITE_ROOT = path.resolve(__dirname, '../../fixtures/annotation-model');

interface AssertionSchema {
  id: string;
  assertionType?: 'must' | 'should' | 'may';
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
  errorMessage?: string;
}

interface SuiteTest {
  name: string;
  assertions: unknown[];
  skipFailures?: string[];
}

export interface AssertionOutcome {
  /** The assertion's path in the suite, e.g. "annotations/3.1-targetKeyFound.json". */
  assertion: string;
  assertionType: string;
  outcome: 'pass' | 'fail' | 'excused' | 'skipped';
  message?: string;
}

export interface TestResult {
  passed: boolean;
  /** The assertions that failed, by path. */
  failed: string[];
  outcomes: AssertionOutcome[];
}

/** What the remaining assertions do after an unexpected result; anything else continues (as in JSONtest.js). */
const NEXT_ACTION: Record<string, 'continue' | 'skip' | 'abort'> = {
  failAndContinue: 'continue',
  failAndSkip: 'skip',
  failAndAbort: 'abort',
  passAndContinue: 'continue',
  passAndSkip: 'skip',
  passAndAbort: 'abort',
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(SUITE_ROOT, file), 'utf8')) as T;

/** RFC 3986 URI with a scheme (JSON Schema draft-04 "uri"); percent signs must start an escape. */
const URI = /^[a-z][a-z0-9+.-]*:(?:[^\s"<>\\^`{|}%]|%[0-9a-f]{2})*$/i;
/** RFC 3339 date-time (JSON Schema draft-04 "date-time"). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = m.slice(1).map((n) => Number(n ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth && hour! <= 23 && minute! <= 59 &&
    second! <= 60 && offsetHour! <= 23 && offsetMinute! <= 59
  );
}

function newAjv(): Ajv {
  // The assertion schemas carry the harness's own keywords (assertionType, errorMessage…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  ajv.addFormat('uri', URI);
  ajv.addFormat('date-time', isDateTime);
  for (const file of ['annotations', 'bodyTarget', 'choiceSet', 'collections', 'id', 'otherProperties', 'specificResource']) {
    ajv.addSchema(readJson<object>(`definitions/${file}.json`));
  }
  return ajv;
}

export class AnnotationModelSuite {
  private readonly ajvs: Ajv[] = [newAjv()];
  private readonly compiled = new Map<string, { schema: AssertionSchema; validate: ValidateFunction }>();

  /** One assertion schema, compiled once; two files with the same id get separate validators. */
  private assertion(file: string) {
    let entry = this.compiled.get(file);
    if (!entry) {
      const schema = readJson<AssertionSchema>(file);
      let ajv = this.ajvs.find((candidate) => !candidate.getSchema(schema.id));
      if (!ajv) this.ajvs.push((ajv = newAjv()));
      entry = { schema, validate: ajv.compile(schema) };
      this.compiled.set(file, entry);
    }
    return entry;
  }

  /** Compiles every assertion of a `.test` file ahead of time (a few seconds for the MUSTs). */
  prepare(...testFiles: string[]): void {
    for (const testFile of testFiles) {
      for (const file of readJson<SuiteTest>(testFile).assertions) if (typeof file === 'string') this.assertion(file);
    }
  }

  /** Runs one of the suite's `.test` files (e.g. "annotations/annotationMusts.test") on `document`. */
  run(testFile: string, document: unknown): TestResult {
    const test = readJson<SuiteTest>(testFile);
    const excusable = new Set(test.skipFailures ?? []);
    const outcomes: AssertionOutcome[] = [];
    let action: 'continue' | 'skip' | 'abort' = 'continue';
    for (const file of test.assertions) {
      // The suite's .test files list flat assertion files; JSONtest.js also allows nested lists.
      if (typeof file !== 'string') throw new Error(`${testFile}: nested assertion lists are not supported by this harness`);
      const { schema, validate } = this.assertion(file);
      const assertionType = schema.assertionType ?? 'must';
      if (action !== 'continue') {
        outcomes.push({ assertion: file, assertionType, outcome: 'skipped' });
        continue;
      }
      if (validate(document) === ((schema.expectedResult ?? 'valid') === 'valid')) {
        outcomes.push({ assertion: file, assertionType, outcome: 'pass' });
        continue;
      }
      const outcome = excusable.has(assertionType) ? 'excused' : 'fail';
      outcomes.push({ assertion: file, assertionType, outcome, message: schema.errorMessage });
      action = NEXT_ACTION[schema.onUnexpectedResult ?? 'failAndContinue'] ?? 'continue';
    }
    const failed = outcomes.filter((o) => o.outcome === 'fail').map((o) => o.assertion);
    return { passed: failed.length === 0, failed, outcomes };
  }
}

/** The suite's own sample files (tools/samples/correct and incorrect). */
export function readSample(kind: 'correct' | 'incorrect', name: string): string {
  return readFileSync(path.join(SUITE_ROOT, 'tools/samples', kind, name), 'utf8');
}

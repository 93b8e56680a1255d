import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { encodeWav } from '../../libs/sound/src/wav';
import { GOOGLE_MAX_INPUT_BYTES } from '../../libs/speech/src/engines/text-chunks';

// ---- fakes of Google Text-to-Speech on 127.0.0.1, spoken to by the real client library ----------

/** Google's LINEAR16: PCM s16le with a WAV header; a tone of `seconds` per request. */
export function linear16(sampleRate = 24000, seconds = 0.25): Buffer {
  const n = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 2);
  }
  return encodeWav({ sampleRate, channels: 1, bitsPerSample: 16, data });
}

/** What the fake answers next: audio, or a failure (gRPC code / HTTP status + gRPC status name). */
export type Answer = 'ok' | { grpc: number; http: number; status: string; message: string };
export const UNAVAILABLE: Answer = {
  grpc: grpc.status.UNAVAILABLE,
  http: 503,
  status: 'UNAVAILABLE',
  message: 'overloaded',
};
export const INVALID: Answer = {
  grpc: grpc.status.INVALID_ARGUMENT,
  http: 400,
  status: 'INVALID_ARGUMENT',
  message: 'bad voice',
};

export interface FakeRequest {
  text: string;
  voice: Record<string, unknown>;
  audioConfig: Record<string, unknown>;
  headers: Record<string, unknown>;
}

export interface Fake {
  port: number;
  requests: FakeRequest[];
  voiceQueries: string[];
  /** Answers for the next synthesize calls; 'ok' once they run out. */
  script: Answer[];
  stop(): Promise<void>;
}

export const VOICES = [
  { languageCodes: ['vi-VN'], name: 'vi-VN-Wavenet-A', ssmlGender: 'FEMALE', naturalSampleRateHertz: 24000 },
  { languageCodes: ['vi-VN'], name: 'vi-VN-Standard-B', ssmlGender: 'MALE', naturalSampleRateHertz: 24000 },
];

function answerTooLong(text: string): Answer | undefined {
  return Buffer.byteLength(text, 'utf8') > GOOGLE_MAX_INPUT_BYTES
    ? {
        grpc: grpc.status.INVALID_ARGUMENT,
        http: 400,
        status: 'INVALID_ARGUMENT',
        message: 'longer than 5000 bytes',
      }
    : undefined;
}

/**
 * `seconds` of tone per answer: 0.25 s keeps engine tests fast; mastering needs more than one 400 ms
 * loudness block to measure.
 */
export async function startFakeGrpc(options: { seconds?: number } = {}): Promise<Fake> {
  const protos = join(
    dirname(require.resolve('@google-cloud/text-to-speech/package.json')),
    'build',
    'protos',
  );
  const gaxProtos = join(dirname(require.resolve('google-gax')), '..', 'protos');
  const definition = protoLoader.loadSync('google/cloud/texttospeech/v1/cloud_tts.proto', {
    includeDirs: [protos, gaxProtos],
    enums: String,
    longs: String,
    defaults: false,
  });
  const service = (grpc.loadPackageDefinition(definition) as any).google.cloud.texttospeech.v1.TextToSpeech
    .service as grpc.ServiceDefinition;
  const fake = { requests: [], voiceQueries: [], script: [] } as unknown as Fake;
  const server = new grpc.Server();
  server.addService(service, {
    synthesizeSpeech(
      call: grpc.ServerUnaryCall<{ input: { text: string }; voice: object; audioConfig: object }, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) {
      const text = call.request.input.text;
      fake.requests.push({
        text,
        voice: call.request.voice as Record<string, unknown>,
        audioConfig: call.request.audioConfig as Record<string, unknown>,
        headers: call.metadata.getMap(),
      });
      const answer = answerTooLong(text) ?? fake.script.shift() ?? 'ok';
      if (answer === 'ok') {
        callback(null, { audioContent: linear16(24000, options.seconds) });
      } else {
        callback({ code: answer.grpc, details: answer.message });
      }
    },
    listVoices(
      call: grpc.ServerUnaryCall<{ languageCode: string }, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) {
      fake.voiceQueries.push(call.request.languageCode);
      callback(null, { voices: VOICES });
    },
    streamingSynthesize(call: grpc.ServerDuplexStream<unknown, unknown>) {
      call.end();
    },
  });
  fake.port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  fake.stop = () => new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  return fake;
}

export async function startFakeRest(): Promise<Fake> {
  const fake = { requests: [], voiceQueries: [], script: [] } as unknown as Fake;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && url.pathname === '/v1/text:synthesize') {
        const json = JSON.parse(body) as { input: { text: string }; voice: object; audioConfig: object };
        fake.requests.push({
          text: json.input.text,
          voice: json.voice as Record<string, unknown>,
          audioConfig: json.audioConfig as Record<string, unknown>,
          headers: { ...req.headers },
        });
        const answer = answerTooLong(json.input.text) ?? fake.script.shift() ?? 'ok';
        if (answer === 'ok') {
          res.end(JSON.stringify({ audioContent: linear16().toString('base64') }));
        } else {
          res.statusCode = answer.http;
          res.end(
            JSON.stringify({ error: { code: answer.http, status: answer.status, message: answer.message } }),
          );
        }
        return;
      }
      if (req.method === 'GET' && url.pathname === '/v1/voices') {
        fake.voiceQueries.push(url.searchParams.get('languageCode') ?? '');
        res.end(JSON.stringify({ voices: VOICES }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 404, status: 'NOT_FOUND', message: 'no route' } }));
    });
  });
  fake.port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  fake.stop = () => {
    server.closeAllConnections(); // the client keeps keep-alive sockets open
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}

// Drives the npm "onvif" client against cameras named on the command line, as
// host:port:username:password, a few at a time. For each camera it connects (GetSystemDateAndTime,
// GetCapabilities, GetServices, GetProfiles... as the library does), reads the device information
// and the stream URI of the first profile, and prints one JSON line. The last line is a summary
// with the wall time, so benchmarks can compare it with Wardnet's.
'use strict';
const { Cam } = require('onvif');

const targets = process.argv.slice(2).map((arg) => {
  const [hostname, port, username, password] = arg.split(':');
  return { hostname, port: Number(port), username, password };
});
const concurrency = Number(process.env.PEER_CONCURRENCY || 32);
// PEER_DEVICE_INFORMATION=0 skips GetDeviceInformation (benchmarks compare profiles and stream URIs only).
const withInfo = process.env.PEER_DEVICE_INFORMATION !== '0';

function probe(target) {
  return new Promise((resolve) => {
    const started = Date.now();
    const cam = new Cam({ ...target, timeout: 10000 }, (err) => {
      if (err) {
        resolve({ host: target.hostname, ok: false, error: String(err.message || err) });
        return;
      }
      const information = withInfo ? cam.getDeviceInformation.bind(cam) : (cb) => cb(null, null);
      information((infoErr, info) => {
        const profiles = cam.profiles || [];
        if (profiles.length === 0) {
          resolve({ host: target.hostname, ok: false, error: 'no profiles' });
          return;
        }
        cam.getStreamUri({ protocol: 'RTSP', profileToken: profiles[0].$.token }, (uriErr, stream) => {
          resolve({
            host: target.hostname,
            ok: !uriErr && !infoErr,
            error: uriErr ? String(uriErr.message) : infoErr ? String(infoErr.message) : null,
            manufacturer: info ? info.manufacturer : null,
            serialNumber: info ? String(info.serialNumber) : null,
            profiles: profiles.map((p) => p.$.token),
            width: profiles[0].videoEncoderConfiguration ? profiles[0].videoEncoderConfiguration.resolution.width : null,
            streamUri: stream ? stream.uri : null,
            millis: Date.now() - started,
          });
        });
      });
    });
  });
}

async function main() {
  const started = Date.now();
  const queue = targets.slice();
  let ok = 0;
  async function worker() {
    while (queue.length > 0) {
      const result = await probe(queue.shift());
      if (result.ok) ok++;
      if (targets.length <= 50) console.log(JSON.stringify(result));
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  console.log(JSON.stringify({ summary: true, cameras: targets.length, ok, millis: Date.now() - started }));
}

main();

// Types for the vendored simple-peer bundle (src/vendor/simple-peer.js): those of the npm package.
import type SimplePeer from 'simple-peer';
declare const Peer: typeof SimplePeer;
export default Peer;

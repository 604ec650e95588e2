/** Styles of `<chat-meet-ring>`: the ring card and the outcome notices. */
import { css } from 'lit';

export const ringStyles = css`
  :host {
    position: fixed;
    z-index: var(--_z);
    inset: 16px 16px auto auto;
    display: block;
    width: min(var(--chat-meet-ring-width, 340px), calc(100vw - 32px));
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .head {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    flex: none;
  }
  .card.incoming .avatar {
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      box-shadow: 0 0 0 8px color-mix(in srgb, var(--_accent) 25%, transparent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .card.incoming .avatar {
      animation: none;
    }
  }
  h2 {
    font-size: 16px;
    font-weight: 700;
    line-height: 1.3;
  }
  .who {
    color: var(--_muted-text);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
  .actions .btn {
    flex: 1;
  }
  .hint {
    color: var(--_muted-text);
    font-size: 12px;
  }
  .notice {
    flex-direction: row;
    align-items: flex-start;
  }
  .notice p {
    flex: 1;
  }
  .notice .close {
    min-width: 36px;
    min-height: 36px;
    padding: 6px;
  }
`;

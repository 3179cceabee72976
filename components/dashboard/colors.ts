// The dashboard's colours, shared by the server page (legends, series) and the client charts. Surplus and shortage
// contrast with each other and with white (both above 4.5:1).
export const COLORS = {
  surplus: '#0369a1', // sky-700: 5.9:1 on white
  shortage: '#b91c1c', // red-700: 6.5:1 on white
  neutral: '#57534e', // stone-600
  series: ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c'],
  situation: {
    surplus: '#0284c7',
    surplusGaps: '#075985',
    balanced: '#78716c',
    balancedGaps: '#44403c',
    short: '#dc2626',
    shortGaps: '#7f1d1d',
  },
} as const;

export const loadHome = () => import('../screens/home-screen');
export type Home = typeof import('../screens/home-screen').HomeScreen;
